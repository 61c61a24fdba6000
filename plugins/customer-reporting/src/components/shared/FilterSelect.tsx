import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** Select value meaning "no filter"; '' would make MUI show an empty box. */
const ANY = 'any';

/** An outlined select whose first option, "All", means no filter. */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, value, options, onChange } = props;
  // A value from the URL that is not (yet) among the options stays shown.
  const shown =
    value && !options.some(o => o.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value ?? ANY}
      onChange={e =>
        onChange(e.target.value === ANY ? undefined : e.target.value)
      }
      variant="outlined"
      size="small"
      fullWidth
    >
      <MenuItem value={ANY}>All</MenuItem>
      {shown.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
