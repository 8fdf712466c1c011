/**
 * Script templates are the scripts as they run, with named slots written {{name}}. A slot
 * alone on its line takes lines (none removes the line); a slot inside a line takes text.
 * A slot without a value, or a value without a slot, is a mistake in this program, so it
 * throws rather than write a script with a hole in it.
 */
const SLOT = /\{\{([a-z-]+)\}\}/g;
const LINE_SLOT = /^\{\{([a-z-]+)\}\}$/;

export type Slots = Readonly<Record<string, string | readonly string[]>>;

/** The template's lines with every slot filled; line ends are the caller's to choose. */
export function fillTemplate(template: string, slots: Slots): string[] {
  const unused = new Set(Object.keys(slots));
  const value = (name: string) => {
    if (!Object.hasOwn(slots, name)) throw new Error(`The script template has a slot {{${name}}} with no value.`);
    unused.delete(name);
    return slots[name]!;
  };
  const lines = template.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n').flatMap((line) => {
    const whole = LINE_SLOT.exec(line);
    if (whole !== null) {
      const filled = value(whole[1]!);
      return typeof filled === 'string' ? [filled] : [...filled];
    }
    return [
      line.replace(SLOT, (_, name: string) => {
        const filled = value(name);
        if (typeof filled !== 'string') throw new Error(`The script template's slot {{${name}}} is inside a line, so it takes text, not lines.`);
        return filled;
      }),
    ];
  });
  if (unused.size > 0) throw new Error(`The script template has no slot for ${[...unused].map((n) => `{{${n}}}`).join(', ')}.`);
  return lines;
}
