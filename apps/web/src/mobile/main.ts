import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { installVantStyles } from './vant-styles';
import './styles.css';
import App from './App.vue';
import { loginLocation, router } from './router';
import { onSessionError } from '../api/http';
import { useH5Session } from './stores/session';
import { initLargeText } from './composables/large-text';

installVantStyles();
initLargeText();

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(router);

// Session errors from any API call of this face: send the user to the page that fixes them.
onSessionError((error) => {
  const session = useH5Session(pinia);
  const current = router.currentRoute.value;
  switch (error.code) {
    case 'UNAUTHENTICATED':
      session.clear();
      if (current.name !== 'login') void router.replace(loginLocation(current));
      return true;
    case 'PASSWORD_CHANGE_REQUIRED':
      if (current.name !== 'password') void router.replace({ name: 'password' });
      return true;
    default:
      return false;
  }
});

app.mount('#app');
