# Hvad serveren ikke læser: en forkert slags indhold, ulæselige tegn

input-error-media-type-title = Formularen kunne ikke læses
input-error-media-type = Det sendte var ikke en formular fra siden, så intet blev gemt eller ændret. Gå tilbage, genindlæs siden, og send formularen igen.
input-error-not-utf8 = Formularen indeholdt tegn, der ikke kunne læses, så intet blev gemt. Skriv teksten igen, og send formularen igen.
