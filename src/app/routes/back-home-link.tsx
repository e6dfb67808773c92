import { Link } from 'wouter';

/** The way back to the home page that leads a transcript's, a file's and a comparison's page. */
export function BackHomeLink() {
  return (
    <Link href="/" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
      ← Open another conversation
    </Link>
  );
}
