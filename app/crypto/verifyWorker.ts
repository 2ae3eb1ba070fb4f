/** Worker thread of VerifyPool: verifies batches of signatures, answers with one boolean per job. */
import { parentPort } from "node:worker_threads";
import { runVerifyJob, type VerifyJob } from "./verifyJob.js";

interface Request {
  readonly id: number;
  readonly jobs: readonly VerifyJob[];
}

parentPort?.on("message", (req: Request) => {
  const results = req.jobs.map((job) => {
    try {
      return runVerifyJob(job);
    } catch {
      return false;
    }
  });
  parentPort?.postMessage({ id: req.id, results });
});
