import './bin';
