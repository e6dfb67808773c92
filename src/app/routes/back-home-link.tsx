import { Link } from 'wouter';
import { TOUCH_TARGET } from '../../components/touch-target';

/** The way back to the home page that leads a transcript's, a file's and a comparison's page. */
export function BackHomeLink() {
  return (
    <Link href="/" className={`inline-block text-sm text-indigo-700 hover:underline dark:text-indigo-300 ${TOUCH_TARGET}`}>
      ← Open another conversation
    </Link>
  );
}
