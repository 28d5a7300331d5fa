// Package frameworks provides the competency frameworks evidence is aligned to: the built-ins that
// ship with the app (UNESCO AI CFT, ISTE Standards for Educators) and frameworks read from
// 1EdTech CASE files. It builds portfolio.Framework values and stores nothing.
package frameworks
