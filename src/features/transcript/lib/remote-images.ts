import { createContext, useContext, useSyncExternalStore } from 'react';

/** `pending` until the server has said which: remote images wait rather than load too soon. */
export type RemoteImagePolicy = 'load' | 'ask' | 'pending';

export const RemoteImagePolicyContext = createContext<RemoteImagePolicy>('load');
/** The ID of the item an image belongs to, so one click can allow the images of that item. */
export const ImageScopeContext = createContext<string | null>(null);

const allowed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The conversation open in this tab: permission given on its page holds for all of its items, for this visit. */
const conversationScope = () => `conversation:${window.location.pathname}`;

export type ImageConsent = { kind: 'item'; itemId: string } | { kind: 'image'; src: string } | { kind: 'conversation' };

export function allowRemoteImages(consent: ImageConsent) {
  allowed.add(consent.kind === 'conversation' ? conversationScope() : consent.kind === 'item' ? `${conversationScope()} item:${consent.itemId}` : `image:${consent.src}`);
  version += 1;
  for (const listener of listeners) listener();
}

/** Whether an image may load now: data: images always; remote ones as the server's setting and the reader's clicks say. */
export function useRemoteImageState(src: string): { policy: RemoteImagePolicy; allowed: boolean; itemId: string | null } {
  const policy = useContext(RemoteImagePolicyContext);
  const itemId = useContext(ImageScopeContext);
  useSyncExternalStore(subscribe, () => version);
  const isAllowed =
    src.startsWith('data:') ||
    policy === 'load' ||
    (policy === 'ask' && (allowed.has(conversationScope()) || (itemId !== null && allowed.has(`${conversationScope()} item:${itemId}`)) || allowed.has(`image:${src}`)));
  return { policy, allowed: isAllowed, itemId };
}
