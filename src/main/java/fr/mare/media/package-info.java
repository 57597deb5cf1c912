/**
 * Images uploaded into posts, tutorials and collective profiles (issue #15, ADR 0020): the checks
 * and the re-encoding of every file ({@code ImageFiles}), the files of {@code medias/}, their rows,
 * who may fetch them, the purge of unused ones. Features that show images implement
 * {@link fr.mare.media.MediaHolder} and call {@code MediaService.used} when they save; this
 * package calls no feature and knows no feature's entities: a reader's right to an image is
 * asked to the features through {@code MediaHolder}. Pages live in {@code media.web}.
 */
package fr.mare.media;
