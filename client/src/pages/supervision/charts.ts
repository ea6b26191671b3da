/** The dashboard's chart colours (DSFR blue France, its light tint, and the success green). */
export const BLUE = '#000091';
export const BLUE_LIGHT = '#6a6af4';
export const GREEN = '#18753c';
