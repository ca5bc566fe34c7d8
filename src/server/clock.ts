/**
 * The server's clock, read at the edge: routes take today's date here and pass it to services and
 * the domain (which never read a clock). The day is Việt Nam's, whatever the machine's time zone.
 */

/** Today's calendar date in Việt Nam (ISO, "2020-02-29"): no actual congress date may be after it. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
