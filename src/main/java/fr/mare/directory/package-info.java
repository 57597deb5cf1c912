/** Voisins de service: the directory of collectives, their expertise and who can help whom. */
package fr.mare.directory;
