/**
 * jsdom has no object URLs and does not navigate when a link is clicked:
 * stubs both, so that a test sees which files a download would save. Call
 * `restore` at the end.
 */
export function stubDownloads(objectUrl = 'blob:download') {
  const createObjectURL = jest.fn((_blob: Blob) => objectUrl);
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(() => {});
  return {
    createObjectURL,
    /** The links clicked to save a file, in order. */
    saved: () => click.mock.instances as unknown as HTMLAnchorElement[],
    restore: () => click.mockRestore(),
  };
}
