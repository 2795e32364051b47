import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import './theme.css';
import './styles.css';
import App from './App.vue';
import { loginLocation, router } from './router';
import { onSessionError } from '../api/http';
import { useSessionStore } from './stores/session';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(router);
app.use(ElementPlus, { locale: zhCn });

// Session-level errors from any API call: route the user to the step that fixes them.
onSessionError((error) => {
  const session = useSessionStore(pinia);
  const current = router.currentRoute.value;
  switch (error.code) {
    case 'UNAUTHENTICATED':
      session.clear();
      if (current.name !== 'login') void router.replace(loginLocation(current));
      return true;
    case 'PASSWORD_CHANGE_REQUIRED':
      session.requirePasswordChange();
      if (current.name !== 'change-password') void router.replace({ name: 'change-password' });
      return true;
    case 'TOTP_SETUP_REQUIRED':
      if (current.name !== 'totp') void router.replace({ name: 'totp' });
      return true;
    default:
      return false;
  }
});

app.mount('#app');
