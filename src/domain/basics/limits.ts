/** The largest file a user may upload (an import or an attachment), in bytes: one rule everywhere. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
