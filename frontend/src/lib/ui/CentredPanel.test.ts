import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import CentredPanel from './CentredPanel.svelte';

describe('CentredPanel', () => {
  it('is the main landmark with the app name, the heading and then the content', () => {
    const children = createRawSnippet(() => ({ render: () => '<p>What happens next.</p>' }));
    render(CentredPanel, { heading: 'Welcome!', children });

    const main = screen.getByRole('main');
    const heading = screen.getByRole('heading', { level: 1, name: 'Welcome!' });
    const content = screen.getByText('What happens next.');
    expect(main).toContainElement(heading);
    expect(main).toContainElement(content);
    expect(screen.getByText('ReadyFolio').compareDocumentPosition(heading)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(heading.compareDocumentPosition(content)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });
});
