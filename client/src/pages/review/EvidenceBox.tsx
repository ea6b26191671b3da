import type { EvidenceFocus } from '../precheck/usePrecheck';

/** Where the pre-check read an item, drawn over the page or the image (fractions of it, at any zoom). */
export function EvidenceBox({ focus }: { focus: EvidenceFocus }) {
  return (
    <span
      className={`mcbo-evidence-box${focus.contradicted ? ' mcbo-evidence-box--contradicted' : ''}`}
      data-testid="evidence-box"
      style={{
        left: `${focus.box.x * 100}%`,
        top: `${focus.box.y * 100}%`,
        width: `${focus.box.w * 100}%`,
        height: `${focus.box.h * 100}%`,
      }}
    />
  );
}
