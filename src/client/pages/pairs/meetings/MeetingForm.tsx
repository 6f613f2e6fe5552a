import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Meeting,
  type MeetingBody,
  MeetingLimits,
  type MeetingMode,
  meetingModes,
  meetingSchema,
} from '../../../../shared/meetings.ts';
import { api } from '../../../api.ts';
import { Form, NumberField, RadioGroup, SubmitButton, TextField } from '../../../components/Form.tsx';
import { useAction } from '../../../hooks.ts';

interface MeetingFormProps {
  /** Books a new meeting of this pair… */
  pairId: string;
  /** …or changes this one. */
  meeting?: Meeting;
  idPrefix: string;
  onSaved(meeting: Meeting): void;
  onClose?(): void;
}

/**
 * Booking or changing a meeting: one short form, every error at once (the server checks all of it:
 * a time in the past, a length outside 15–480 minutes, a time the spring change skips).
 */
export function MeetingForm({ pairId, meeting, idPrefix, onSaved, onClose }: MeetingFormProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [date, setDate] = useState(meeting?.date ?? '');
  const [time, setTime] = useState(meeting?.time ?? '');
  const [durationMinutes, setDuration] = useState<number | null>(meeting?.durationMinutes ?? 60);
  const [mode, setMode] = useState<MeetingMode | null>(meeting?.mode ?? null);
  const [location, setLocation] = useState(meeting?.location ?? '');

  async function submit() {
    // What is missing goes to the server as it is, so that its answer names every field at once.
    const body = {
      date,
      time: time.trim().replace('.', ':'),
      durationMinutes,
      mode,
      location,
    } as unknown as MeetingBody;
    const saved = meeting
      ? await api.put(`/api/meetings/${meeting.id}`, body, meetingSchema)
      : await api.post(`/api/pairs/${pairId}/meetings`, body, meetingSchema);
    onSaved(saved);
  }

  const shownMode = mode ?? 'in_person';
  return (
    <Form action={action} onSubmit={submit} idPrefix={idPrefix}>
      <div className="field-row">
        <TextField
          name="date"
          label={t('meetings.form.date')}
          hint={t('meetings.form.dateHint')}
          type="date"
          value={date}
          onChange={setDate}
        />
        <TextField
          name="time"
          label={t('meetings.form.time')}
          hint={t('meetings.form.timeHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          value={time}
          onChange={setTime}
        />
      </div>
      <NumberField
        name="durationMinutes"
        label={t('meetings.form.duration')}
        hint={t('meetings.form.durationHint')}
        min={MeetingLimits.durationMin}
        max={MeetingLimits.durationMax}
        step={15}
        value={durationMinutes}
        onChange={setDuration}
      />
      <RadioGroup<MeetingMode>
        name="mode"
        legend={t('meetings.form.mode')}
        options={meetingModes.map((value) => ({ value, label: t(`meetings.modes.${value}`) }))}
        value={mode}
        onChange={setMode}
        inline
      />
      <TextField
        name="location"
        label={t(`meetings.form.location.${shownMode}`)}
        hint={t(`meetings.form.locationHint.${shownMode}`)}
        limit={MeetingLimits.locationMax}
        value={location}
        onChange={setLocation}
      />
      <div className="form-actions">
        <SubmitButton action={action}>
          {meeting ? t('meetings.form.save') : t('meetings.form.book')}
        </SubmitButton>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            {t('meetings.form.close')}
          </button>
        )}
      </div>
    </Form>
  );
}
