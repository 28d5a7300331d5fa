import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kindInfos } from '../../test/builders';
import { setKinds } from '../kinds.svelte';
import KindMenu from './KindMenu.svelte';

const labels = ['AI pilot', 'Lesson or assessment redesign', 'Professional development led', 'Other artifact'];

describe('KindMenu', () => {
  beforeEach(() => setKinds(kindInfos()));

  it('is a menu button listing the four kinds, named as the caller says', async () => {
    const user = userEvent.setup();
    render(KindMenu, {
      label: 'Start an entry',
      icon: '+',
      buttonName: 'Start an entry for 1.1 Agency',
      menuName: 'Kind of entry for 1.1 Agency',
      onchoose: vi.fn(),
    });

    const button = screen.getByRole('button', { name: 'Start an entry for 1.1 Agency' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Kind of entry for 1.1 Agency' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent?.trim())).toEqual(labels);
  });

  it('moves with ArrowDown and ArrowUp, wrapping, and with Home and End', async () => {
    const user = userEvent.setup();
    render(KindMenu, { label: 'New entry', menuName: 'New entry', onchoose: vi.fn() });

    screen.getByRole('button', { name: 'New entry' }).focus();
    await user.keyboard('{ArrowDown}');
    const item = (name: string) => screen.getByRole('menuitem', { name });
    expect(item('AI pilot')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('Lesson or assessment redesign')).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(item('Other artifact')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(item('AI pilot')).toHaveFocus();
    await user.keyboard('{End}');
    expect(item('Other artifact')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(item('AI pilot')).toHaveFocus();
  });

  it('opens on the last kind with ArrowUp', async () => {
    const user = userEvent.setup();
    render(KindMenu, { label: 'New entry', menuName: 'New entry', onchoose: vi.fn() });

    screen.getByRole('button', { name: 'New entry' }).focus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Other artifact' })).toHaveFocus();
  });

  it('closes with Escape and returns focus to its button, without choosing', async () => {
    const user = userEvent.setup();
    const onchoose = vi.fn();
    render(KindMenu, { label: 'New entry', menuName: 'New entry', onchoose });

    await user.click(screen.getByRole('button', { name: 'New entry' }));
    await user.keyboard('{ArrowDown}{Escape}');

    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New entry' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'New entry' })).toHaveAttribute('aria-expanded', 'false');
    expect(onchoose).not.toHaveBeenCalled();
  });

  it('chooses the focused kind with Enter and closes', async () => {
    const user = userEvent.setup();
    const onchoose = vi.fn();
    render(KindMenu, { label: 'New entry', menuName: 'New entry', onchoose });

    screen.getByRole('button', { name: 'New entry' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');

    expect(onchoose).toHaveBeenCalledExactlyOnceWith('pd_led');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('closes when Tab leaves the menu', async () => {
    const user = userEvent.setup();
    render(KindMenu, { label: 'New entry', menuName: 'New entry', onchoose: vi.fn() });

    screen.getByRole('button', { name: 'New entry' }).focus();
    await user.keyboard('{ArrowDown}');
    await user.tab();

    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('names each kind by its label and describes it when asked to', async () => {
    const user = userEvent.setup();
    render(KindMenu, { label: 'New entry', menuName: 'New entry', describe: true, align: 'end', onchoose: vi.fn() });

    await user.click(screen.getByRole('button', { name: 'New entry' }));
    const menu = screen.getByRole('menu', { name: 'New entry' });
    for (const label of labels) expect(within(menu).getByRole('menuitem', { name: label })).toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: 'AI pilot' })).toHaveAccessibleDescription(kindInfos()[0].description);
  });

  it('cannot be opened while disabled', () => {
    render(KindMenu, { label: 'New entry', menuName: 'New entry', disabled: true, onchoose: vi.fn() });

    expect(screen.getByRole('button', { name: 'New entry' })).toBeDisabled();
  });
});
