import { Router } from 'express';
import {
  addTaskNoteInputSchema,
  bulkTaskInputSchema,
  createFollowUpInputSchema,
  createTaskInputSchema,
  listTasksQuerySchema,
  suggestAssigneeQuerySchema,
  transitionTaskInputSchema,
  updateTaskInputSchema,
} from '../../domain/tasks/task.schema';
import type { Db } from '../../db/client';
import { currentUser } from '../auth/require-user';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { addTaskNote } from '../tasks/add-task-note';
import { bulkChangeTasks } from '../tasks/bulk-change-tasks';
import { createFollowUp } from '../tasks/create-follow-up';
import { createTask } from '../tasks/create-task';
import { exportTasks } from '../tasks/export-tasks';
import { getSuggestedAssignee } from '../tasks/get-suggested-assignee';
import { getTaskDetail } from '../tasks/get-task-detail';
import { listTasks } from '../tasks/list-tasks';
import { transitionTask } from '../tasks/transition-task';
import { updateTask } from '../tasks/update-task';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';

export function createTasksRouter(deps: TemporalDeps & { db: Db }) {
  const { db } = deps;
  const router = Router();

  router.post('/', idempotentCreate(db, async (req, res, claim) => {
    const input = parseInput(createTaskInputSchema, req.body);
    return createTask(deps, input, currentUser(res), claim);
  }));

  router.get('/', async (req, res) => {
    res.json(await listTasks(db, parseInput(listTasksQuerySchema, req.query, 'query'), currentUser(res)));
  });

  // Before `/:id`, so `export.csv` is not read as an id.
  router.get('/export.csv', async (req, res) => {
    await exportTasks(db, parseInput(listTasksQuerySchema, req.query, 'query'), currentUser(res), res);
  });

  router.get('/suggest-assignee', async (req, res) => {
    const query = parseInput(suggestAssigneeQuerySchema, req.query, 'query');
    res.json(await getSuggestedAssignee(db, query, currentUser(res)));
  });

  router.post('/bulk', async (req, res) => {
    res.json(await bulkChangeTasks(deps, parseInput(bulkTaskInputSchema, req.body), currentUser(res)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await getTaskDetail(db, req.params.id, currentUser(res)));
  });

  router.patch('/:id', async (req, res) => {
    res.json(await updateTask(deps, String(req.params.id), parseInput(updateTaskInputSchema, req.body), currentUser(res)));
  });

  router.post('/:id/transition', async (req, res) => {
    res.json(await transitionTask(deps, String(req.params.id), parseInput(transitionTaskInputSchema, req.body), currentUser(res)));
  });

  router.post('/:id/notes', idempotentCreate(db, async (req, res, claim) => {
    const { body } = parseInput(addTaskNoteInputSchema, req.body);
    return addTaskNote(deps, String(req.params.id), body, currentUser(res), claim);
  }));

  router.post('/:id/follow-ups', idempotentCreate(db, async (req, res, claim) => {
    const input = parseInput(createFollowUpInputSchema, req.body);
    return createFollowUp(deps, String(req.params.id), input, currentUser(res), claim);
  }));

  return router;
}
