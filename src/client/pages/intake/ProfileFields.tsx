import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  genders,
  IntakeLimits,
  type MentorProfile,
  type NeedsProfile,
  type ProfileBasics,
} from '../../../shared/intake.ts';
import type { LocalizedText } from '../../../shared/programme.ts';
import { managementLevels } from '../../../shared/roles.ts';
import {
  CheckboxGroup,
  NumberField,
  OptionalMark,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/Form.tsx';
import { localized } from '../../format.ts';
import { useLocale } from '../../hooks.ts';

type ManagementLevel = (typeof managementLevels)[number];

export const emptyBasics: ProfileBasics = {
  title: '',
  managementLevel: 'direct',
  staffCount: 0,
  managingStaffSince: null,
  sector: '',
  languages: ['svenska'],
  meetingPlaces: [],
  maxTravelMinutes: null,
  gender: 'unspecified',
};

export const emptyNeeds: NeedsProfile = {
  developmentAreas: [],
  goals: '',
  wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
};

export const emptyMentor: MentorProfile = {
  competences: [],
  experienceLevels: ['direct'],
  sectors: [],
  capacity: 1,
  meetingPreferences: '',
  presentation: '',
};

interface PartProps<T> {
  value: T;
  /** Where the part sits in the request body, as the server names fields in errors. */
  path: string;
  onChange(value: T): void;
}

/** A list typed as comma-separated text; keeps what is typed while passing on the items. */
function ListField({
  name,
  label,
  hint,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  value: readonly string[];
  onChange(value: string[]): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.join(', '));
  const joined = value.join('|');
  useEffect(() => {
    setText((current) => (split(current).join('|') === joined ? current : joined.split('|').join(', ')));
  }, [joined]);
  return (
    <TextField
      name={name}
      label={label}
      hint={`${hint ?? t('intake.commaHint')} ${t('intake.listLimit', { count: IntakeLimits.listMax })}`}
      optional
      value={text}
      onChange={(raw) => {
        setText(raw);
        onChange(split(raw));
      }}
    />
  );
}

function split(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .slice(0, IntakeLimits.listMax);
}

function useLevelOptions() {
  const { t } = useTranslation();
  return managementLevels.map((level) => ({ value: level, label: t(`intake.levels.${level}`) }));
}

/** The built-in questions every application asks. */
export function BasicsFields({
  value,
  path,
  onChange,
  minMonthsManagingStaff = null,
}: PartProps<ProfileBasics> & {
  /** The programme's rule, said beside the date it is counted from. */
  minMonthsManagingStaff?: number | null;
}) {
  const { t } = useTranslation();
  const levelOptions = useLevelOptions();
  const set = (patch: Partial<ProfileBasics>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className="field-row">
        <TextField
          name={`${path}.title`}
          label={t('intake.basics.title')}
          hint={t('intake.basics.titleHint')}
          autoComplete="organization-title"
          limit={IntakeLimits.shortTextMax}
          value={value.title}
          onChange={(title) => set({ title })}
        />
        <SelectField
          name={`${path}.managementLevel`}
          label={t('intake.basics.managementLevel')}
          hint={t('intake.basics.managementLevelHint')}
          value={value.managementLevel}
          options={levelOptions}
          onChange={(managementLevel) => set({ managementLevel })}
        />
      </div>
      <div className="field-row">
        <NumberField
          name={`${path}.staffCount`}
          label={t('intake.basics.staffCount')}
          hint={t('intake.basics.staffCountHint')}
          required
          min={0}
          max={IntakeLimits.staffCountMax}
          value={value.staffCount}
          onChange={(staffCount) => set({ staffCount: staffCount ?? 0 })}
        />
        <TextField
          name={`${path}.managingStaffSince`}
          label={t('intake.basics.managingStaffSince')}
          hint={
            minMonthsManagingStaff === null
              ? t('intake.basics.managingStaffSinceHint')
              : t('intake.basics.managingStaffSinceRule', { count: minMonthsManagingStaff })
          }
          optional={minMonthsManagingStaff === null}
          type="date"
          value={value.managingStaffSince ?? ''}
          onChange={(since) => set({ managingStaffSince: since || null })}
        />
      </div>
      <div className="field-row">
        <TextField
          name={`${path}.sector`}
          label={t('intake.basics.sector')}
          hint={t('intake.basics.sectorHint')}
          optional
          limit={IntakeLimits.shortTextMax}
          value={value.sector}
          onChange={(sector) => set({ sector })}
        />
        <SelectField
          name={`${path}.gender`}
          label={t('intake.basics.gender')}
          hint={t('intake.basics.genderHint')}
          optional
          value={value.gender}
          options={genders.map((g) => ({ value: g, label: t(`intake.genders.${g}`) }))}
          onChange={(gender) => set({ gender })}
        />
      </div>
      <div className="field-row">
        <ListField
          name={`${path}.languages`}
          label={t('intake.basics.languages')}
          value={value.languages}
          onChange={(languages) => set({ languages })}
        />
        <ListField
          name={`${path}.meetingPlaces`}
          label={t('intake.basics.meetingPlaces')}
          hint={t('intake.basics.meetingPlacesHint')}
          value={value.meetingPlaces}
          onChange={(meetingPlaces) => set({ meetingPlaces })}
        />
      </div>
      <NumberField
        name={`${path}.maxTravelMinutes`}
        label={t('intake.basics.maxTravelMinutes')}
        hint={t('intake.basics.maxTravelMinutesHint')}
        optional
        min={0}
        max={IntakeLimits.travelMinutesMax}
        value={value.maxTravelMinutes}
        onChange={(maxTravelMinutes) => set({ maxTravelMinutes })}
      />
    </>
  );
}

interface AreaProps {
  /** The programme's development areas; without a programme, the keys already chosen. */
  areas: readonly { key: string; label: LocalizedText }[];
}

function useAreaOptions(areas: AreaProps['areas'], chosen: readonly string[]) {
  const locale = useLocale();
  const options = areas.map((area) => ({ value: area.key, label: localized(area.label, locale) }));
  // Keys chosen in another programme stay visible (and can be unticked) though this list lacks them.
  for (const key of chosen)
    if (!options.some((o) => o.value === key)) options.push({ value: key, label: key });
  return options;
}

/** The adept's needs profile (behovsprofil). */
export function NeedsFields({ value, path, onChange, areas }: PartProps<NeedsProfile> & AreaProps) {
  const { t } = useTranslation();
  const levelOptions = useLevelOptions();
  const areaOptions = useAreaOptions(areas, value.developmentAreas);
  const wishes = value.wishes;
  const setWishes = (patch: Partial<NeedsProfile['wishes']>) =>
    onChange({ ...value, wishes: { ...wishes, ...patch } });
  return (
    <>
      <CheckboxGroup
        name={`${path}.developmentAreas`}
        legend={t('intake.needs.developmentAreas')}
        options={areaOptions}
        value={value.developmentAreas}
        onChange={(developmentAreas) => onChange({ ...value, developmentAreas })}
      />
      <TextAreaField
        name={`${path}.goals`}
        label={t('intake.needs.goals')}
        hint={t('intake.needs.goalsHint')}
        limit={IntakeLimits.textMax}
        value={value.goals}
        onChange={(goals) => onChange({ ...value, goals })}
      />
      <fieldset className="subsection">
        <legend>
          {t('intake.needs.wishes')}
          <OptionalMark />
        </legend>
        <p className="hint">{t('intake.needs.wishesHint')}</p>
        <div className="field-row">
          <TextField
            name={`${path}.wishes.sector`}
            label={t('intake.needs.wishSector')}
            hint={t('intake.emptyForNoWish')}
            limit={IntakeLimits.shortTextMax}
            value={wishes.sector}
            onChange={(sector) => setWishes({ sector })}
          />
          <SelectField<ManagementLevel>
            name={`${path}.wishes.level`}
            label={t('intake.needs.wishLevel')}
            placeholder={t('intake.noWish')}
            value={wishes.level ?? ''}
            options={levelOptions}
            onChange={(level) => setWishes({ level: (level as string) === '' ? null : level })}
          />
          <SelectField
            name={`${path}.wishes.gender`}
            label={t('intake.needs.wishGender')}
            value={wishes.gender}
            options={genders.map((g) => ({ value: g, label: t(`intake.wishGenders.${g}`) }))}
            onChange={(gender) => setWishes({ gender })}
          />
        </div>
        <RadioGroup
          name={`${path}.wishes.otherOrganisation`}
          legend={t('intake.needs.wishOtherOrganisation')}
          inline
          options={[
            { value: 'yes', label: t('intake.yes') },
            { value: 'no', label: t('intake.no') },
          ]}
          value={wishes.otherOrganisation ? 'yes' : 'no'}
          onChange={(answer) => setWishes({ otherOrganisation: answer === 'yes' })}
        />
        <TextAreaField
          name={`${path}.wishes.other`}
          label={t('intake.needs.wishOther')}
          limit={IntakeLimits.textMax}
          rows={3}
          value={wishes.other}
          onChange={(other) => setWishes({ other })}
        />
      </fieldset>
    </>
  );
}

/** The mentor's profile. */
export function MentorFields({
  value,
  path,
  onChange,
  areas,
  minCapacity = null,
}: PartProps<MentorProfile> &
  AreaProps & {
    /** The programme's least number of adepts at once, said beside the field. */
    minCapacity?: number | null;
  }) {
  const { t } = useTranslation();
  const levelOptions = useLevelOptions();
  const areaOptions = useAreaOptions(areas, value.competences);
  const set = (patch: Partial<MentorProfile>) => onChange({ ...value, ...patch });
  return (
    <>
      <CheckboxGroup
        name={`${path}.competences`}
        legend={t('intake.mentor.competences')}
        options={areaOptions}
        value={value.competences}
        onChange={(competences) => set({ competences })}
      />
      <CheckboxGroup
        name={`${path}.experienceLevels`}
        legend={t('intake.mentor.experienceLevels')}
        options={levelOptions}
        value={value.experienceLevels}
        onChange={(experienceLevels) => set({ experienceLevels })}
      />
      <div className="field-row">
        <ListField
          name={`${path}.sectors`}
          label={t('intake.mentor.sectors')}
          value={value.sectors}
          onChange={(sectors) => set({ sectors })}
        />
        <NumberField
          name={`${path}.capacity`}
          label={t('intake.mentor.capacity')}
          hint={
            minCapacity === null
              ? t('intake.mentor.capacityHint')
              : t('intake.mentor.capacityRule', { count: minCapacity })
          }
          required
          min={1}
          max={IntakeLimits.capacityMax}
          value={value.capacity}
          onChange={(capacity) => set({ capacity: capacity ?? 1 })}
        />
      </div>
      <TextAreaField
        name={`${path}.meetingPreferences`}
        label={t('intake.mentor.meetingPreferences')}
        hint={t('intake.mentor.meetingPreferencesHint')}
        optional
        limit={IntakeLimits.textMax}
        rows={3}
        value={value.meetingPreferences}
        onChange={(meetingPreferences) => set({ meetingPreferences })}
      />
      <TextAreaField
        name={`${path}.presentation`}
        label={t('intake.mentor.presentation')}
        hint={t('intake.mentor.presentationHint')}
        optional
        limit={IntakeLimits.textMax}
        value={value.presentation}
        onChange={(presentation) => set({ presentation })}
      />
    </>
  );
}
