-- AlterTable
ALTER TABLE "User" ADD COLUMN "notificationPreferences" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "groupKey" TEXT;
ALTER TABLE "Notification" ADD COLUMN "subject" TEXT;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "notificationId" TEXT;

