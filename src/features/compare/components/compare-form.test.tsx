import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../sources/api/get-sources';
import { setOpenedFile, type OpenedFile } from '../../open-file/lib/opened-file';
import { CompareForm } from './compare-form';

const demo: SourceSummary = { id: 'demo', label: 'Demo', kind: 'demo' };
const openai: SourceSummary = { id: 'openai', label: 'OpenAI', kind: 'openai' };
const API_URL = 'https://api.openai.com/v1/conversations/conv_abc';

function compareWith(text: string, sources: SourceSummary[]) {
  render(<CompareForm sources={sources} defaultSource="demo" fixedA={{ value: 'conv_this', source: 'demo' }} />);
  fireEvent.change(screen.getByLabelText('Compare this run with'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
}

describe('CompareForm', () => {
  beforeEach(() => window.history.replaceState(null, '', '/c/conv_this?source=demo'));

  it('refuses an API URL of a provider this viewer has no source of, as the home page does', () => {
    compareWith(API_URL, [demo]);
    expect(screen.getByRole('alert').textContent).toBe('That is an OpenAI URL, but this viewer has no OpenAI source set up. Whoever runs it can set OPENAI_API_KEY and restart it.');
    // The field to put right has the focus.
    expect(document.activeElement).toBe(screen.getByLabelText('Compare this run with'));
    expect(window.location.pathname).toBe('/c/conv_this');
  });

  it('reads an API URL from the source of its provider, not the default one', () => {
    compareWith(API_URL, [demo, openai]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(`${window.location.pathname}${window.location.search}`).toBe('/compare?a=conv_this&b=conv_abc&a_source=demo&b_source=openai');
  });

  it('reads a bare ID from the chosen source', () => {
    compareWith('conv_abc', [demo, openai]);
    expect(`${window.location.pathname}${window.location.search}`).toBe('/compare?a=conv_this&b=conv_abc&source=demo');
  });

  it('puts the focus on the run that is wrong, and names it, when both are asked for', () => {
    render(<CompareForm sources={[demo]} defaultSource="demo" />);
    fireEvent.change(screen.getByLabelText('Run A'), { target: { value: 'conv_a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Run B: /);
    expect(document.activeElement).toBe(screen.getByLabelText('Run B'));
  });

  it('opens a comparison link pasted in either field, as the home page opens it', () => {
    render(<CompareForm sources={[demo, openai]} defaultSource="demo" />);
    fireEvent.change(screen.getByLabelText('Run B'), { target: { value: 'http://viewer.example/compare?a=conv_one&b=conv_two&source=OpenAI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(`${window.location.pathname}${window.location.search}`).toBe('/compare?a=conv_one&b=conv_two&source=openai');
  });

  it('says a comparison link names two runs where one is asked for', () => {
    compareWith('http://viewer.example/compare?a=conv_one&b=conv_two&source=demo', [demo]);
    expect(screen.getByRole('alert').textContent).toMatch(/^That is a link to a comparison of two runs\. Name one run here/);
    expect(window.location.pathname).toBe('/c/conv_this');
  });

  it('says at once that no file is open in this tab, and takes the file once one is', () => {
    setOpenedFile(null);
    compareWith('file', [demo]);
    expect(screen.getByRole('alert').textContent).toMatch(/^No file is open in this tab\./);
    expect(window.location.pathname).toBe('/c/conv_this');
    setOpenedFile({ name: 'run.json' } as OpenedFile);
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    setOpenedFile(null);
    expect(`${window.location.pathname}${window.location.search}`).toBe('/compare?a=conv_this&b=file&a_source=demo');
  });
});
