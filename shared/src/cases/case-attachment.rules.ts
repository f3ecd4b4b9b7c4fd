import { z } from 'zod';
import type { FileAnswer, FormAnswers, FormDefinition, FormField, LeafField } from '../forms/index.ts';

/**
 * Attachments of a case (issue 5): what the server accepts as an uploaded file and how it names
 * it. Pure, so the browser can say the same as the server before anything is sent. The server
 * decides the media type from the bytes (file-type), never from the name or the browser's
 * declaration; these rules then check that the name does not pretend to be something else.
 */

/** The media types the server can check and store (images are re-encoded without their metadata). */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const attachmentMediaTypeSchema = z.enum(attachmentMediaTypes);
export type AttachmentMediaType = z.infer<typeof attachmentMediaTypeSchema>;

/** Per upload that is not for a form question ("add a document" on a case page), in bytes. */
export const defaultAttachmentMaxBytes = 10 * 1024 * 1024;

/** What "add a document" on a case page accepts: a scan or a photo. */
export const defaultAttachmentAccept: readonly AttachmentMediaType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** At most this many files are added to a case in one step. */
export const maxAttachmentsPerStep = 5;

/** The extensions that go with each media type; the first is the one the server gives a file without one. */
export const attachmentExtensions: Readonly<Record<AttachmentMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};

/** Whether a detected media type is one the server stores. */
export const isAttachmentMediaType = (type: string | undefined): type is AttachmentMediaType =>
  type !== undefined && (attachmentMediaTypes as readonly string[]).includes(type);

/** The extension of a file name, lower case, without the dot; null when it has none. */
export const extensionOf = (name: string): string | null => {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  const extension = base.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(extension) ? extension : null;
};

/**
 * Whether the name fits the content: a name without an extension fits anything, a name with one
 * must carry an extension of the detected type (`plan.pdf` that holds a PNG does not).
 */
export const nameFitsContent = (name: string, mediaType: AttachmentMediaType): boolean => {
  const extension = extensionOf(name);
  return extension === null || attachmentExtensions[mediaType].includes(extension);
};

const maxBaseLength = 100;

/**
 * The name to store and offer on download: no folders, no control or reserved characters, at most
 * 100 characters before the extension, and an extension of what the content is.
 */
export const cleanFileName = (name: string, mediaType: AttachmentMediaType): string => {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const extension = extensionOf(base);
  const stem = extension !== null ? base.slice(0, base.length - extension.length - 1) : base;
  const cleaned = Array.from(stem.replace(/[\p{Cc}\p{Cf}"*:<>?|]+/gu, ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const shortened = Array.from(cleaned).slice(0, maxBaseLength).join('').trim();
  const keep = extension !== null && attachmentExtensions[mediaType].includes(extension) ? extension : attachmentExtensions[mediaType][0];
  return `${shortened || 'bestand'}.${keep}`;
};

/** The field definition a dotted answer path points to (`sitePlan`, `children.0.photo`), if it is a file question. */
export const fileFieldAt = (form: FormDefinition, path: string): Extract<LeafField, { type: 'file' }> | null => {
  const ids = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  let fields: readonly FormField[] = form.fields;
  for (const [index, id] of ids.entries()) {
    const field = fields.find((candidate) => candidate.id === id);
    if (!field) return null;
    if (index === ids.length - 1) return field.type === 'file' ? field : null;
    if (field.type !== 'group') return null;
    fields = field.fields;
  }
  return null;
};

/** One file answer with the question it answers. */
export type FileAnswerAt = { path: string; field: Extract<LeafField, { type: 'file' }>; index: number; file: FileAnswer };

/** Every file in validated answers, with its dotted path (`sitePlan.0`), in form order. */
export const fileAnswersIn = (form: FormDefinition, answers: FormAnswers): FileAnswerAt[] => {
  const found: FileAnswerAt[] = [];
  const visit = (fields: readonly FormField[], values: Record<string, unknown>, prefix: string) => {
    for (const field of fields) {
      const value = values[field.id];
      if (field.type === 'group' && Array.isArray(value)) {
        value.forEach((item, index) => {
          if (typeof item === 'object' && item !== null) visit(field.fields, item as Record<string, unknown>, `${prefix}${field.id}.${index}.`);
        });
      } else if (field.type === 'file' && Array.isArray(value)) {
        (value as FileAnswer[]).forEach((file, index) => {
          found.push({ path: `${prefix}${field.id}`, field, index, file });
        });
      }
    }
  };
  visit(form.fields, answers, '');
  return found;
};
