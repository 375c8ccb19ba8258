import type { Queryable } from '../../database';
import { customerStatesRepository } from './customer-states';
import { feedbackFiguresRepository } from './feedback-figures';
import { followUpFiguresRepository } from './follow-up-figures';
import { growthFiguresRepository } from './growth-figures';
import { serviceFiguresRepository } from './service-figures';
import { touchStatesRepository } from './touch-states';
import { visitFiguresRepository } from './visit-figures';

/** Issue 9: the dashboard's aggregation queries, one file per group of figures. */
export function reportsRepository(q: Queryable) {
  return {
    customerStates: customerStatesRepository(q),
    touchStates: touchStatesRepository(q),
    followUps: followUpFiguresRepository(q),
    visits: visitFiguresRepository(q),
    service: serviceFiguresRepository(q),
    feedback: feedbackFiguresRepository(q),
    growth: growthFiguresRepository(q),
  };
}
