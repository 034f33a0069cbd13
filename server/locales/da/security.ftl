signin-error-limited-account = For mange forsøg: der er prøvet for mange forkerte adgangskoder til denne konto. Vent et par minutter, log ind fra en browser, du har logget ind fra før, eller vælg en ny adgangskode via "Har du glemt din adgangskode?".
signin-error-limited-client = For mange forsøg: der er prøvet for mange forkerte adgangskoder fra din forbindelse. Vent et minut, og prøv igen.
signin-error-limited-browser = For mange forsøg: der er prøvet for mange forkerte adgangskoder fra denne browser. Vent et par minutter, eller vælg en ny adgangskode via "Har du glemt din adgangskode?".
