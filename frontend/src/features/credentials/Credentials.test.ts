import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialService } from '../../lib/bridge';
import { aBadgeCredential, aCredential, aRubric } from '../../test/builders';
import { fake } from '../../test/fakeBridge';
import Credentials from './Credentials.svelte';

vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));

beforeEach(() => fake.reset());

const itemOf = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('li')!;

describe('Credentials page', () => {
  it('lists each credential with its kind, issuer, dates and "Expired" in words when no longer held', async () => {
    fake.reset({
      credentials: [
        aCredential({ name: 'Google Certified Educator Level 2', expiresOn: '2027-06-01', held: true }),
        aCredential({ name: 'ISTE Certified Educator', kind: 'micro_credential', issuer: 'ISTE', expiresOn: '2023-01-31', held: false }),
      ],
    });
    render(Credentials);

    const held = within(await screen.findByRole('heading', { level: 2, name: 'Google Certified Educator Level 2' }).then((h) => h.closest('li')!));
    expect(held.getByText('Certification')).toBeInTheDocument();
    expect(held.getByText('Google for Education')).toBeInTheDocument();
    expect(held.getByText(/^Expires /)).toBeInTheDocument();
    expect(held.queryByText('Expired')).not.toBeInTheDocument();

    const expired = within(itemOf('ISTE Certified Educator'));
    expect(expired.getByText('Micro-credential')).toBeInTheDocument();
    expect(expired.getByText('Expired')).toBeInTheDocument();
  });

  it('edits a credential typed in: its fields change, its file stays, Cancel changes nothing', async () => {
    const user = userEvent.setup();
    fake.reset({ credentials: [aCredential({ name: 'Google Certified Educatr', expiresOn: '2027-06-01', held: true })] });
    render(Credentials);
    const item = within(await screen.findByRole('heading', { level: 2, name: 'Google Certified Educatr' }).then((h) => h.closest('li')!));

    await user.click(item.getByRole('button', { name: 'Edit Google Certified Educatr' }));
    const form = within(screen.getByRole('form', { name: 'Edit “Google Certified Educatr”' }));
    expect(form.queryByLabelText('Attach its file')).not.toBeInTheDocument();
    await user.clear(form.getByLabelText('Name'));
    await user.type(form.getByLabelText('Name'), 'Google Certified Educator Level 2');
    await user.click(form.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved “Google Certified Educator Level 2”.')).toBeInTheDocument();
    expect(credentialService.save).toHaveBeenCalledWith(expect.objectContaining({ name: 'Google Certified Educator Level 2', expiresOn: '2027-06-01' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Google Certified Educator Level 2' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit Google Certified Educator Level 2' }));
    await user.type(screen.getByLabelText('Issuer'), ' and friends');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(credentialService.save).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Google for Education')).toBeInTheDocument();
  });

  it('imports a badge and shows what it claims and the checks, in words', async () => {
    const user = userEvent.setup();
    fake.reset({ badgeImport: aBadgeCredential() });
    render(Credentials);
    await screen.findByText('No credentials yet');

    await user.click(screen.getByRole('button', { name: 'Import a badge…' }));

    expect(await screen.findByText('Imported “AI in the Classroom”. Its details and checks are below.')).toBeInTheDocument();
    const item = within(itemOf('AI in the Classroom'));
    expect(item.getByRole('button', { name: 'Hide details of AI in the Classroom' })).toHaveAttribute('aria-expanded', 'true');
    expect(item.getByText('Completed four modules and a classroom project.', { exact: false })).toBeInTheDocument();
    expect(item.getByText('amara.okafor@example.org')).toBeInTheDocument();
    const checks = item.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(checks).toEqual([
      'Passed: The badge was issued to amara.okafor@example.org, the email on your profile.',
      'Failed: The badge says it was issued after it expires.',
      'Not checked offline: The issuer hosts this badge online; ReadyFolio does not go online to check it.',
    ]);
    expect(item.getByText(/ReadyFolio never goes online/)).toBeInTheDocument();
  });

  it('says why a badge was not imported', async () => {
    const user = userEvent.setup();
    render(Credentials);
    await screen.findByText('No credentials yet');
    fake.failNext(vi.mocked(credentialService.importBadge), 'This file is not an Open Badge.');

    await user.click(screen.getByRole('button', { name: 'Import a badge…' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The badge was not imported. This file is not an Open Badge.');
  });

  it('adds a credential typed in, with its file', async () => {
    const user = userEvent.setup();
    render(Credentials);
    await screen.findByText('No credentials yet');

    await user.click(screen.getByRole('button', { name: 'Add a credential' }));
    const form = within(screen.getByRole('form', { name: 'Add a credential' }));
    await user.click(form.getByRole('button', { name: 'Add credential' }));
    expect(form.getByText('Give the credential a name.')).toBeInTheDocument();

    await user.type(form.getByLabelText('Name'), 'Common Sense AI Educator');
    await user.selectOptions(form.getByLabelText('Kind'), 'Micro-credential');
    await user.type(form.getByLabelText('Issuer'), 'Common Sense Education');
    await user.click(form.getByLabelText('Attach its file'));
    await user.click(form.getByRole('button', { name: 'Choose file and add…' }));

    expect(vi.mocked(credentialService.add)).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Common Sense AI Educator', kind: 'micro_credential', issuer: 'Common Sense Education' }),
      true,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Common Sense AI Educator' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a credential' })).not.toBeInTheDocument();
    await user.click(within(itemOf('Common Sense AI Educator')).getByRole('button', { name: 'Open file of Common Sense AI Educator' }));
    expect(fake.world.openedCredentials).toHaveLength(1);
  });

  it('removes a credential only after confirming', async () => {
    const user = userEvent.setup();
    fake.reset({ credentials: [aCredential({ name: 'Old badge' })] });
    render(Credentials);
    await screen.findByRole('heading', { level: 2, name: 'Old badge' });

    await user.click(screen.getByRole('button', { name: 'Remove Old badge' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Remove “Old badge”?' }));
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(credentialService.remove).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Remove Old badge' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove credential' }));

    expect(await screen.findByText('No credentials yet')).toBeInTheDocument();
    expect(fake.world.credentials).toEqual([]);
  });
});

describe('Evaluation rubric settings', () => {
  it('imports a district rubric and goes back to the built-in one', async () => {
    const user = userEvent.setup();
    fake.reset({ rubricImport: { rubric: aRubric({ name: 'Lakeview AI tool rubric', edition: '' }), custom: true } });
    render(Credentials);
    const section = within(await screen.findByRole('region', { name: 'Evaluation rubric' }));
    expect(await section.findByText('ReadyFolio AI tool evaluation rubric')).toBeInTheDocument();
    expect(section.getByText(/built in/)).toBeInTheDocument();
    expect(section.getByText('Evaluations already scored keep the rubric they were scored against.')).toBeInTheDocument();
    expect(section.queryByRole('button', { name: 'Use the built-in rubric' })).not.toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Import a district rubric…' }));
    expect(await section.findByText('New evaluations now use “Lakeview AI tool rubric”.')).toBeInTheDocument();
    expect(section.getByText(/imported/)).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Use the built-in rubric' }));
    expect(await section.findByText('New evaluations now use the built-in rubric.')).toBeInTheDocument();
    expect(fake.world.rubric.custom).toBe(false);
  });
});
