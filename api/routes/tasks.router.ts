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
import { AppError } from '../errors';
import { createTask } from '../tasks/create-task';
import { listTasks } from '../tasks/list-tasks';
import { suggestAssignee } from '../tasks/suggest-assignee';
import { addTaskNote, bulkChangeTasks, transitionTask, updateTask } from '../tasks/task-changes';
import { loadTaskDetail } from '../tasks/task-detail';
import type { TemporalDeps } from '../temporal/client';
import { parseInput } from '../validate';

export function createTasksRouter(deps: TemporalDeps & { db: Db }) {
  const { db } = deps;
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(createTaskInputSchema, req.body);
    res.status(201).json(await createTask(deps, input, currentUser(res)));
  });

  router.get('/', async (req, res) => {
    res.json(await listTasks(db, parseInput(listTasksQuerySchema, req.query, 'query'), currentUser(res)));
  });

  router.get('/suggest-assignee', async (req, res) => {
    const query = parseInput(suggestAssigneeQuerySchema, req.query, 'query');
    const { assigneeId, rule } = await suggestAssignee(db, query, currentUser(res));
    const assignee = assigneeId ? await db.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true } }) : null;
    res.json({ assignee, rule });
  });

  router.post('/bulk', async (req, res) => {
    res.json(await bulkChangeTasks(deps, parseInput(bulkTaskInputSchema, req.body), currentUser(res)));
  });

  router.get('/:id', async (req, res) => {
    res.json(await loadTaskDetail(db, req.params.id, currentUser(res)));
  });

  router.patch('/:id', async (req, res) => {
    res.json(await updateTask(deps, req.params.id, parseInput(updateTaskInputSchema, req.body), currentUser(res)));
  });

  router.post('/:id/transition', async (req, res) => {
    res.json(await transitionTask(deps, req.params.id, parseInput(transitionTaskInputSchema, req.body), currentUser(res)));
  });

  router.post('/:id/notes', async (req, res) => {
    const { body } = parseInput(addTaskNoteInputSchema, req.body);
    res.status(201).json(await addTaskNote(deps, req.params.id, body, currentUser(res)));
  });

  router.post('/:id/follow-ups', async (req, res) => {
    const input = parseInput(createFollowUpInputSchema, req.body);
    const parent = await db.task.findUnique({ where: { id: req.params.id } });
    if (!parent) throw new AppError('NOT_FOUND', `Task ${req.params.id} does not exist`);
    const context = {
      ...(parent.leadId ? { leadId: parent.leadId } : {}),
      ...(parent.buyerId ? { buyerId: parent.buyerId } : {}),
      ...(parent.offerId ? { offerId: parent.offerId } : {}),
    };
    const task = await createTask(deps, { ...input, ...context, type: 'FOLLOW_UP', requiresReview: false, parentTaskId: parent.id }, currentUser(res));
    res.status(201).json(task);
  });

  return router;
}
