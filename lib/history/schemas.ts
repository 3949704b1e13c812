/**
 * zod shapes of what the forecast stores as JSON, checked when read back from the database.
 */
import { z } from "zod";

export const BlendSchema = z.object({ shape: z.number().min(0).max(1), persistence: z.number().min(0).max(1) });

export const ForecastModelSchema = z.object({
  levelWeeks: z.number().int().positive(),
  blends: z.record(z.string().regex(/^\d+$/), BlendSchema),
});

export const ScoreSchema = z.object({ mae: z.number().nonnegative(), n: z.number().int().nonnegative() });
const Scores = z.record(z.string().regex(/^\d+$/), ScoreSchema);

export const BacktestResultSchema = z.object({ forecast: Scores, persistence: Scores, typical: Scores });

export type BacktestResult = z.infer<typeof BacktestResultSchema>;
export type ForecastModel = z.infer<typeof ForecastModelSchema>;
