import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskDetail } from './tasks.api';

export type Acknowledge = (task: TaskDetail) => void;

/**
 * A change to one task with an optimistic cache update: `predict` shows the expected task at
 * once; the server's answer replaces it, and a refusal rolls it back (the error carries the reason).
 * While it is on its way, live refreshes leave the task alone, so the prediction does not flicker back.
 */
export function useTaskChange<Input>(task: TaskDetail, send: (input: Input) => Promise<TaskDetail>, predict: (task: TaskDetail, input: Input) => TaskDetail, acknowledge: Acknowledge) {
  const queryClient = useQueryClient();
  const key = ['tasks', 'detail', task.id];
  return useMutation({
    mutationKey: key,
    mutationFn: send,
    onMutate: async (input: Input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<TaskDetail>(key) ?? task;
      const predicted = predict(previous, input);
      acknowledge(predicted);
      queryClient.setQueryData(key, predicted);
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (!context) return;
      acknowledge(context.previous);
      queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => {
      acknowledge(saved);
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] });
    },
    // Live changes that came in meanwhile were held back (refreshQueries); read the task again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
