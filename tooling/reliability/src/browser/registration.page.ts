// A page that imports @mgp/core and @mgp/hierarchy only for their side effect (registering the layer classes),
// as an app does that loads a saved model. registration.test.ts builds it and looks for the classes.
import '@mgp/core';
import '@mgp/hierarchy';
