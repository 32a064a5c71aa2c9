-- Each notification carries its priority, set from its kind when it is created; HIGH ones raise a desktop alert.
ALTER TABLE "Notification" ADD COLUMN "priority" TEXT NOT NULL DEFAULT 'NORMAL';

-- Until now the web app read it from the text: a new lead, or the assignment of a HIGH priority task.
UPDATE "Notification" SET "priority" = 'HIGH'
WHERE "kind" = 'NEW_LEAD' OR ("kind" = 'TASK_ASSIGNED' AND substr("body", 1, 13) = 'High priority');
