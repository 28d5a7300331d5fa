import type { Artifact } from './types';

/** The media types Go can make a thumbnail of (portfolio.Artifact.IsImage). */
export const imageMediaTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff'];

/** Whether the artifact is an image file that ArtifactService.Thumbnail can show. */
export function isImageArtifact(artifact: Artifact): boolean {
  return artifact.type === 'file' && imageMediaTypes.includes(artifact.mediaType ?? '');
}
