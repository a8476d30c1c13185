/** The Monday-first weekday header that the planning and series calendars share. */
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function WeekdayHead() {
  return (
    <thead>
      <tr>
        {WEEKDAYS.map((d) => (
          <th key={d} scope="col">
            {d}
          </th>
        ))}
      </tr>
    </thead>
  );
}
