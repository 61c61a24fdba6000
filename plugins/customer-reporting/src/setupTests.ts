import '@testing-library/jest-dom';

// The page tests type and click through whole pages with userEvent; on a
// 2-core machine running every package's tests (and PostgreSQL) side by side
// a few of them take longer than Jest's 5 s default without being stuck.
jest.setTimeout(30_000);
