// The `fields=` the web app's tasks page asks for; apart from task.schema so the page's request needs no zod.

/** What the tasks page shows of each task: its title and subject (else its type), priority, status, assignee and due date, overdue marked. */
export const TASK_LIST_PAGE_FIELDS = ['title', 'subject', 'type', 'priority', 'status', 'assigneeId', 'dueAt', 'overdue'] as const;
