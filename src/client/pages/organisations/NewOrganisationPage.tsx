import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { organisationSchema } from '../../../shared/api.ts';
import { api } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { useViewer } from '../../session.tsx';
import { type OrganisationBody, OrganisationForm } from './OrganisationForm.tsx';

export function NewOrganisationPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();

  async function create(body: OrganisationBody) {
    const created = await api.post(
      `/api/networks/${viewer.networkId}/organisations`,
      body,
      organisationSchema,
    );
    navigate(`/organisations/${created.id}`);
  }

  return (
    <Page title={t('organisations.new')}>
      <div className="card narrow">
        <OrganisationForm
          initial={{ name: '', kind: 'municipality', orgNumber: '' }}
          submitLabel={t('organisations.create')}
          onSave={create}
        />
      </div>
    </Page>
  );
}
