// Small helpers for a tool evaluation's rubric scores.
import type { CriterionScore, RubricLevel, ToolEvaluationDetails } from '../../lib/types';

/** "3 · Acceptable" */
export function levelText(level: RubricLevel): string {
  return `${level.score} · ${level.label}`;
}

/** The criteria with a score (not 0) that is on the rubric's scale. */
export function scoredCount(evaluation: ToolEvaluationDetails): number {
  const scale = new Set(evaluation.rubric.levels.map((l) => l.score));
  return evaluation.rubric.criteria.filter((c) => {
    const s = evaluation.scores.find((x) => x.criterion === c.id);
    return s !== undefined && s.score !== 0 && scale.has(s.score);
  }).length;
}

/** "4 of 6 criteria scored", "1 of 1 criterion scored" */
export function scoredSummary(evaluation: ToolEvaluationDetails): string {
  const total = evaluation.rubric.criteria.length;
  return `${scoredCount(evaluation)} of ${total} ${total === 1 ? 'criterion' : 'criteria'} scored`;
}

/** The score of a criterion, added (blank) when the evaluation has none for it yet. */
export function scoreFor(evaluation: ToolEvaluationDetails, criterion: string): CriterionScore {
  let s = evaluation.scores.find((x) => x.criterion === criterion);
  if (!s) {
    evaluation.scores.push({ criterion, score: 0, notes: '', answers: {} });
    s = evaluation.scores[evaluation.scores.length - 1];
  }
  return s;
}
