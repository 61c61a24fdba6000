export interface Config {
  app?: {
    signIn?: {
      /**
       * Offer guest sign-in on the sign-in page. Only the local demo start
       * (app-config.demo.yaml) turns it on: the guest auth provider refuses
       * sign-ins outside NODE_ENV=development anyway, so a production page
       * offering it would only show a button that fails.
       * @visibility frontend
       */
      guest?: boolean;
    };
  };
}
