/**
 * Recently reviewed submissions of the learner, shown on their dashboard.
 * Interface agreed with the dashboard; implemented by the review work (issue 5).
 */
export async function ReviewNotifications(_props: { userId: string }) {
  return null;
}
