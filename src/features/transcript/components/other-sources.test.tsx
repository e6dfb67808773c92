import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { OtherSources } from './view-controls';

const sources = [
  { id: 'openai', label: 'OpenAI' },
  { id: 'demo', label: 'Demo' },
];

describe('OtherSources', () => {
  it.each(['source_not_configured', 'unknown_source'])('offers the configured sources when the link names a source it cannot read (%s)', (code) => {
    render(<OtherSources error={new ApiError('There is no source.', { status: 404, code })} sources={sources} />);
    expect(screen.getByRole('link', { name: 'Demo' })).toHaveAttribute('href', '?source=demo');
    expect(screen.getByRole('link', { name: 'OpenAI' })).toHaveAttribute('href', '?source=openai');
  });

  it('offers nothing for a conversation that is not found', () => {
    const { container } = render(<OtherSources error={new ApiError('Not found.', { status: 404 })} sources={sources} />);
    expect(container).toBeEmptyDOMElement();
  });
});
