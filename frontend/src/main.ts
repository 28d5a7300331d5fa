// Global styles first, so that component styles refine them.
import './styles/theme.css';
import './styles/base.css';
import './styles/controls.css';
import { mount } from 'svelte';
import App from './app/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
