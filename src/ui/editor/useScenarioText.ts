import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScenarioError } from '../../sim/scenario/validate';
import type { Controller } from '../controller';
import { useUi } from '../store';

export type Validation = { state: 'checking' } | { state: 'done'; errors: ScenarioError[] };

/**
 * The editor's text and what the validator says about it. While the text is not edited it
 * follows the run: every recorded action (a new scenario revision) refetches it. Once edited it
 * stays as typed — a new action never overwrites someone's work — until Apply or Revert.
 */
export function useScenarioText(controller: Controller) {
  const rev = useUi((s) => s.frame?.scenarioRev ?? 0);
  const [text, setText] = useState('');
  const [edited, setEdited] = useState(false);
  const [validation, setValidation] = useState<Validation>({ state: 'done', errors: [] });
  const asked = useRef(0);

  useEffect(() => {
    if (edited) return;
    let live = true;
    void controller.scenarioText().then((fresh) => {
      if (!live) return;
      setText(fresh);
      setValidation({ state: 'done', errors: [] });
    });
    return () => {
      live = false;
    };
  }, [controller, rev, edited]);

  // Validated as you type, in the worker (the validator is there), a moment after the last key.
  useEffect(() => {
    if (!edited) return;
    const ticket = ++asked.current;
    setValidation({ state: 'checking' });
    const timer = setTimeout(() => {
      void controller.validate(text).then((errors) => {
        if (ticket === asked.current) setValidation({ state: 'done', errors });
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [controller, text, edited]);

  const edit = useCallback((next: string) => {
    setText(next);
    setEdited(true);
  }, []);
  const revert = useCallback(() => setEdited(false), []);
  const showErrors = useCallback((errors: ScenarioError[]) => {
    asked.current++;
    setValidation({ state: 'done', errors });
  }, []);

  return { text, edited, validation, edit, revert, showErrors };
}
