/** A test cycle's dates in `year`: the period ends 31 August, deadlines in September, the meeting 5 October. */
export function cycleDates(year: number) {
  return {
    periodEnd: `${year}-08-31`,
    submissionDeadline: `${year}-09-10`,
    reviewDeadline: `${year}-09-17`,
    assemblyDeadline: `${year}-09-24`,
    meetingDate: `${year}-10-05`,
  };
}
