-- AlterTable
ALTER TABLE "WorkflowTransition" ADD COLUMN     "changes" JSONB;

