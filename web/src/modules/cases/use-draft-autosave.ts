import { useEffect, useRef, useState } from 'react';
import { type DraftSurface, useDeleteDraft, useDraft, useForgetDraft, useSaveDraft } from './case-drafts.api.ts';

/** How long typing must pause before the answers are saved. */
export const draftSaveDelayMs = 1500;

/**
 * Saves a form's answers as a draft a moment after each change, and says when it last did. Only
 * answers that differ from the last saved ones are sent. `settle()` stops saving and waits for a
 * save in flight, so a submission never races a late draft back into existence.
 */
export const useDraftAutosave = (surface: DraftSurface, product: string) => {
  const save = useSaveDraft(surface, product);
  const mutate = useRef(save.mutateAsync);
  mutate.current = save.mutateAsync;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSaved = useRef<string | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const stopped = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => () => clearTimeout(timer.current), []);

  const persist = (answers: unknown) => {
    // Plain JSON only: a File object in the answers becomes {} here; files are uploads, not drafts.
    const text = JSON.stringify(answers ?? {});
    if (stopped.current || text === lastSaved.current) return;
    const attempt = mutate
      .current(JSON.parse(text) as Record<string, unknown>)
      .then((draft) => {
        lastSaved.current = text;
        setSavedAt(draft.updatedAt);
        setFailed(false);
      })
      .catch(() => setFailed(true));
    inFlight.current = attempt;
  };

  return {
    savedAt,
    failed,
    /** Give it every change; it saves after a pause. */
    onChange: (answers: unknown) => {
      if (stopped.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => persist(answers), draftSaveDelayMs);
    },
    /** The answers as they are now count as saved (a restored draft), so they are not sent again. */
    markSaved: (answers: unknown) => {
      lastSaved.current = JSON.stringify(answers ?? {});
    },
    /** Stops saving and waits for a save that is under way. */
    settle: async () => {
      stopped.current = true;
      clearTimeout(timer.current);
      await inFlight.current;
    },
    /** Saves again from scratch (after "start over", or after a refused submission). */
    resume: () => {
      stopped.current = false;
    },
    reset: () => {
      clearTimeout(timer.current);
      lastSaved.current = null;
      setSavedAt(null);
      setFailed(false);
    },
  };
};

/**
 * Everything a form with a draft needs: the saved draft (read once), autosaving, "start over" (the
 * draft thrown away, then `restart` shows a fresh form) and `send`, which submits with no draft
 * save racing it, forgets the draft once the submission (which deleted it) succeeded, and saves
 * again after a refusal.
 */
export const useFormDraft = (surface: DraftSurface, product: string) => {
  const draft = useDraft(surface, product);
  const remove = useDeleteDraft(surface, product);
  const forget = useForgetDraft(surface, product);
  const autosave = useDraftAutosave(surface, product);
  return {
    draft,
    autosave,
    removing: remove.isPending,
    startOver: async (restart: () => void) => {
      autosave.reset();
      await remove.mutateAsync().catch(() => undefined);
      restart();
    },
    send: async <T>(submit: () => Promise<T>): Promise<T> => {
      await autosave.settle();
      try {
        const result = await submit();
        forget();
        return result;
      } catch (error) {
        autosave.resume();
        throw error;
      }
    },
  };
};
