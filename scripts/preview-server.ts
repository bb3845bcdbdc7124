// Builds nothing: serves dist/ with `vite preview` on a free port for a script, and stops it after.
import { preview, type PreviewServer } from 'vite';

export async function withPreview<T>(port: number, fn: (url: string) => Promise<T>): Promise<T> {
  const server: PreviewServer = await preview({
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  try {
    return await fn(`http://127.0.0.1:${port}/`);
  } finally {
    await server.close();
  }
}
