import { useEffect, useState, type Dispatch } from 'react';
import { useClient } from '../station/client-context.ts';
import { cardProblem } from './intake-steps.ts';
import type { IntakeAction, IntakeState } from './intake-state.ts';

/**
 * applicantCheck as soon as both the card and the matter are known: the promised date and whether 容缺 is open.
 * Returns the error of the last check, if it failed.
 */
export function useApplicantCheck(state: IntakeState, dispatch: Dispatch<IntakeAction>): unknown {
  const client = useClient();
  const [error, setError] = useState<unknown>(null);
  const idNumber = state.card !== null && cardProblem(state.card) === null ? state.card.idNumber : null;
  const matterCode = state.matter?.code ?? null;
  useEffect(() => {
    setError(null);
    if (idNumber === null || matterCode === null) return;
    let live = true;
    client.applicantCheck({ idNumber, matterCode }).then(
      (check) => {
        if (live) dispatch({ type: 'check', check });
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [client, dispatch, idNumber, matterCode]);
  return error;
}
