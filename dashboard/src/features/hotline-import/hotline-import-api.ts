import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HotlineImportReport } from '@whistle/shared';
import { queryKeys } from '../../lib/api/query-keys';
import { uploadWithProgress, type UploadProgress } from '../../lib/api/upload-with-progress';

export interface FinishedImport {
  report: HotlineImportReport;
  fileName: string;
  finishedAt: Date;
}

/**
 * Uploads a 12345 batch file under `file`, with the bytes sent so far while it goes; the desks'
 * incident lists refresh afterwards (the import opens incidents).
 */
export function useHotlineImport() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [controller, setController] = useState<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: async (file: File): Promise<FinishedImport> => {
      const form = new FormData();
      form.append('file', file, file.name);
      const abort = new AbortController();
      setController(abort);
      setProgress({ loaded: 0, total: file.size });
      try {
        const report = await uploadWithProgress<HotlineImportReport>('/hotline/imports', form, {
          onProgress: setProgress,
          signal: abort.signal,
        });
        return { report, fileName: file.name, finishedAt: new Date() };
      } finally {
        setController(null);
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.incidents.lists() }),
  });
  return { ...mutation, progress, cancel: () => controller?.abort() };
}
