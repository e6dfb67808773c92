import { defaultSchema } from 'rehype-sanitize';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Raw HTML in conversation content is shown as the text it is: never rendered, never silently dropped. */
export function remarkHtmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return walk;
}

/** GitHub's rules, but image sources may be data: URLs: the page and the export decide which of those show. */
export const sanitizeSchema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, src: ['http', 'https', 'data'] } };
