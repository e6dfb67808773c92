import { Link } from 'wouter';
import { TOUCH_TARGET } from '../../components/touch-target';

/**
 * The way back to the home page that leads a transcript's, a file's and a comparison's page. From a page that failed,
 * `carry` is the ID it was opened with: the home form opens with it, to be corrected rather than typed again.
 */
export function BackHomeLink({ carry }: { carry?: string }) {
  return (
    <Link href={carry ? `/?id=${encodeURIComponent(carry)}` : '/'} className={`inline-block text-sm text-indigo-700 hover:underline dark:text-indigo-300 ${TOUCH_TARGET}`}>
      ← Open another conversation
    </Link>
  );
}
