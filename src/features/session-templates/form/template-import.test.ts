import { describe, expect, it } from 'vitest';

describe('importing a template', () => {
  it('keeps the template ID typed in the new-template form; an empty one takes the name in the text', async () => {
    const { importTemplate } = await import('./template-form-model');
    const text = 'name: projects/p/locations/l/sessionTemplates/from-text\nlabels:\n  a: b\n';
    expect((await importTemplate(text, 'typed-here')).values?.templateId).toBe('typed-here');
    expect((await importTemplate(text, '')).values?.templateId).toBe('from-text');
  });
});
