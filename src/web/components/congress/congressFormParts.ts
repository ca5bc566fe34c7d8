/**
 * What the congress forms share: the date format, ISO days, the saved message and the lifecycle
 * event mutation.
 */

import { App } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type CongressDto, type CongressEventBody, useCongressEvent } from "../../api/index.ts";

export const DATE_FORMAT = "DD/MM/YYYY";
export const iso = (d: Dayjs) => d.format("YYYY-MM-DD");
export const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

export interface FormProps {
  readonly seasonId: number;
  readonly dto: CongressDto;
}

export function useSaved() {
  const { message } = App.useApp();
  return (text: string) => void message.success(text);
}

/** The forms of the lifecycle events share the mutation and the success message. */
export function useEventSubmit(seasonId: number, orgId: number) {
  const event = useCongressEvent(seasonId, orgId);
  const saved = useSaved();
  const submit = (body: CongressEventBody, text: string) =>
    event.mutate(body, { onSuccess: () => saved(text) });
  return { event, submit };
}
